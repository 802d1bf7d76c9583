/** The same keys as `T`, any strings: the shape a translation of a dictionary (or of a feature's namespace) must have. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
