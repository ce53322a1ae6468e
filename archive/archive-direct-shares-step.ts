// Archive schema step 6 (sync, issue 18): why a reporter shared an article with a desk.
//
// An article moved out of a shared collection kept the desk share the collection had given it: the
// push only ever added shares. It now takes back the reporter's own shares the article's collection no
// longer warrants, and keeps those made another way. A share made directly (the reporter's default
// desk, as the article first arrived) is marked `direct` and stays; one made through a collection or
// an annotation is not, and stays only while the article's collection, or one of the reporter's own
// annotations on it, is still shared with that desk (archive-push.ts). Shares written before this
// step are not marked: nothing recorded why they were made, so they are treated as they were before.
export const ARCHIVE_DIRECT_SHARES_SQL = `
ALTER TABLE article_shares ADD COLUMN direct boolean NOT NULL DEFAULT false;
`;
