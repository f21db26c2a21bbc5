/**
 * Allowed status transitions of an entity, one table per entity. A service applies a change with one
 * conditional UPDATE whose WHERE lists `allowedFrom(table, to)`, and writes a history row.
 */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function allowedFrom<S extends string>(table: TransitionTable<S>, to: S): S[] {
  return (Object.keys(table) as S[]).filter((from) => table[from].includes(to));
}

export const canTransition = <S extends string>(table: TransitionTable<S>, from: S, to: S): boolean =>
  table[from].includes(to);
