// pgpass (the ~/.pgpass / PGPASSFILE reader node-postgres itself uses) ships no types.
declare module 'pgpass' {
  interface PgPassConnection {
    host?: string | null;
    port?: string | number | null;
    database?: string | null;
    user?: string | null;
  }
  /** Looks the connection up in PGPASSFILE (or ~/.pgpass); undefined when absent or the file is too open. */
  function pgpass(connection: PgPassConnection, callback: (password: string | undefined) => void): void;
  export default pgpass;
}
