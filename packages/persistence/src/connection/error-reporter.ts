/** Receives errors that have no caller left to throw to (an afterCommit callback, an idle connection). */
export type ErrorReporter = (error: unknown, context: string) => void;

export const consoleErrorReporter: ErrorReporter = (error, context) => {
  console.error(`[@chorus/persistence] ${context}:`, error);
};
