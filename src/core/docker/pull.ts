// The slow, opt-in test: let the daemon pull a small image, as `az acr check-health` does
// (DOCKER_PULL_ERROR), with progress and a deadline. The daemon's own error text is kept: it is
// what the user sees from `docker pull` and what the catalogue's symptoms match.
import type Docker from 'dockerode';

export interface PullProgress {
  status: string;
  id?: string;
  current?: number;
  total?: number;
}

export interface PullAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface PullResult {
  ok: boolean;
  /** The daemon's error message (never contains the credential: the daemon does not echo it). */
  error?: string;
  layers: number;
}

export async function pullImage(
  docker: Docker,
  image: string,
  opts: { auth?: PullAuth; signal: AbortSignal; onProgress?: (p: PullProgress) => void },
): Promise<PullResult> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.pull(image, { authconfig: opts.auth, abortSignal: opts.signal }));
  } catch (e) {
    const err = e as { json?: { message?: string }; message?: string };
    return { ok: false, error: String(err.json?.message ?? err.message ?? e), layers: 0 };
  }
  const layers = new Set<string>();
  return new Promise<PullResult>((resolve) => {
    let settled = false;
    const finish = (r: PullResult) => { if (!settled) { settled = true; opts.signal.removeEventListener('abort', onAbort); resolve(r); } };
    const onAbort = () => {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      finish({ ok: false, error: 'the pull did not finish before the deadline', layers: layers.size });
    };
    opts.signal.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (err: Error | null, output: unknown[]) => {
        if (err) { finish({ ok: false, error: err.message, layers: layers.size }); return; }
        // The daemon reports a failed pull as an `error` event inside a 200 stream.
        const failed = (output ?? []).find((o) => typeof o === 'object' && o !== null && 'error' in o) as { error?: string } | undefined;
        finish(failed ? { ok: false, error: String(failed.error), layers: layers.size } : { ok: true, layers: layers.size });
      },
      (event: { status?: string; id?: string; progressDetail?: { current?: number; total?: number } }) => {
        if (event.id) layers.add(event.id);
        opts.onProgress?.({ status: String(event.status ?? ''), id: event.id, current: event.progressDetail?.current, total: event.progressDetail?.total });
      },
    );
  });
}
