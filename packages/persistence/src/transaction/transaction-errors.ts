export class OutsideTransactionError extends Error {
  constructor() {
    super(
      'The database was used outside withTenant/asSystem. Run the work inside db.withTenant(tenantId, tx => ...) ' +
        'or db.asSystem(tx => ...) and use tx.manager or tx.query.',
    );
    this.name = 'OutsideTransactionError';
  }
}

export class SecondConnectionError extends Error {
  constructor() {
    super(
      'A second connection was requested inside a transaction (dataSource.query or dataSource.manager instead of ' +
        'tx.query or tx.manager). Use tx: on the embedded database it would wait for itself forever.',
    );
    this.name = 'SecondConnectionError';
  }
}

export class NestedTransactionError extends Error {
  constructor() {
    super(
      'withTenant/asSystem was called inside another transaction of the same database. On the embedded database ' +
        'that would wait for itself forever: pass the outer tx down, or use tx.setTenant to switch tenant.',
    );
    this.name = 'NestedTransactionError';
  }
}

export class TransactionAbortedError extends Error {
  constructor() {
    super(
      'A statement failed inside the transaction and its error was caught, so PostgreSQL aborted the transaction; ' +
        'nothing was committed. Let the error propagate, or use tx.manager.transaction(...) for a savepoint.',
    );
    this.name = 'TransactionAbortedError';
  }
}

export class TransactionClosedError extends Error {
  constructor() {
    super('This transaction is over: use tx only inside the function given to withTenant/asSystem.');
    this.name = 'TransactionClosedError';
  }
}
