// A phantom marker that carries a command's result or an event's payload type at no runtime cost.

/** Phantom marker that carries a command's result type without any runtime cost. */
export interface Returns<T> {
  readonly __result?: T;
}
export const returns = <T>(): Returns<T> => ({});
