/** Thrown by a job's use case when the work should be tried again later by the job queue. */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}
