import type { Api } from '../api/client';

/**
 * Follows the chain's booking changes (server-sent events from {@code /api/v1/bookings/changes}, read through the
 * typed client so the token and chain go with it), calling {@code onChange} with each changed booking's id; the
 * stream is opened again when the server ends it, and after a failure with a growing pause. {@code onLive} says
 * whether the stream is open. Stops when {@code stop} is aborted.
 */
export function followChanges(client: Api, onChange: (bookingId: string) => void, onLive: (live: boolean) => void,
  stop: AbortSignal): void {
  let pause = 500;
  const open = async () => {
    while (!stop.aborted) {
      try {
        const { data, response } = await client.GET('/api/v1/bookings/changes', { parseAs: 'stream', signal: stop });
        if (!response.ok || !data) {
          throw new Error('changes: ' + response.status);
        }
        onLive(true);
        pause = 500;
        await read(data, (event, body) => {
          if (event === 'booking') {
            const id = (JSON.parse(body) as { id?: string }).id;
            if (id) {
              onChange(id);
            }
          }
        });
      } catch (error) {
        if (stop.aborted) {
          return;
        }
        onLive(false);
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 10_000);
        continue;
      }
      onLive(false);
    }
  };
  void open();
}

/** Reads server-sent events ({@code event:} and {@code data:} lines, a blank line ending each) until the end. */
async function read(stream: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let event = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffered += decoder.decode(value, { stream: true });
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      const line = buffered.slice(0, end).replace(/\r$/, '');
      buffered = buffered.slice(end + 1);
      if (line === '') {
        if (data.length > 0) {
          onEvent(event, data.join('\n'));
        }
        event = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        event = line.slice('event:'.length).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice('data:'.length).replace(/^ /, ''));
      }
      end = buffered.indexOf('\n');
    }
  }
}
