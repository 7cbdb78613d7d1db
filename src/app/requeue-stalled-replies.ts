import type { Clock, Transactor } from './ports.ts';

/**
 * Seconds an assistant reply may stay queued before the sweeper gives it a send job. The
 * process that wrote it sends it right after the commit (ADR 6); only a crash, or a send that
 * could not be handed to the queue, leaves one behind.
 */
export const STALLED_REPLY_SECONDS = 30;

/**
 * Gives the assistant's replies left queued a send job (ADR 16). The job id is the reply's id,
 * so sweeping again never creates a second job for one reply; a reply deferred by the rate
 * limit already has its job, and the extra one finds it claimed, waiting or sent.
 */
export async function requeueStalledReplies(deps: { tx: Transactor; clock: Clock }, graceSeconds = STALLED_REPLY_SECONDS): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - graceSeconds * 1000);
  return deps.tx.direct(async (repos) => {
    const ids = await repos.communications.findStalledReplies(before, now, 500);
    await repos.jobs.enqueueMany('outbound.send', ids.map((id) => ({ id, data: { communicationId: id } })));
    return ids.length;
  });
}
