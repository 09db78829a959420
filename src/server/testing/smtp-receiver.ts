import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the receiver got it: the envelope, the parsed message and its raw source. */
export interface Received {
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

export interface Receiver {
  url: string;
  mails: Received[];
  /** RCPT TO commands refused so far */
  refused: number;
  /** refuse the next `n` recipients with 550 (Infinity: always) */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1, on a free port, that keeps what it receives (tests only). */
export async function startReceiver(): Promise<Receiver> {
  let toRefuse = 0;
  let refused = 0;
  const mails: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (toRefuse > 0) {
        toRefuse--;
        refused++;
        // the reply quotes the address, as real servers do: it must not reach logs or the outbox
        const err = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((a) => a.address);
        mails.push({ to, parsed: await simpleParser(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    mails,
    get refused() {
      return refused;
    },
    refuseNext(n) {
      toRefuse = n;
    },
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
