export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** An article draft or export record that cannot be stored as given. */
export class InvalidArticleError extends Error {
  override name = 'InvalidArticleError';
}
