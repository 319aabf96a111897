// Limits shared by the command line, the batch and the pipeline, in a module of their
// own: the batch's main thread reads them before it starts the workers, and must not
// load the readers and checks (the workers' code) to do so.

/** --max-bytes' default: a file larger than this is refused before it is read. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
