import fs from 'node:fs';
import path from 'node:path';

export type Mail = { to: string[]; subject: string; text: string; replyTo?: string | null };

const dir = process.env.MADOGUCHI_MAIL_DIR ?? '';

export function receivedMail(): Mail[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail);
}

/** Waits until the real SMTP server (end2end/smtp-sink.mjs) has received a matching mail. */
export async function waitForMail(pred: (m: Mail) => boolean, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = receivedMail().find(pred);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail; received: ${JSON.stringify(receivedMail().map((m) => [m.to, m.subject]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Sends a raw mail over SMTP to the server's own inbound listener, as the organization's MX would
 * (a small client on Node's sockets: EHLO, MAIL, RCPT, DATA). Resolves with the final reply line.
 */
export async function sendToListener(from: string, to: string, raw: string): Promise<string> {
  const port = Number(process.env.MADOGUCHI_INBOUND_PORT ?? '0');
  if (!port) throw new Error('MADOGUCHI_INBOUND_PORT is not set (scripts/e2e.sh sets it)');
  const net = await import('node:net');
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      // Multi-line replies ("250-…") end with a line whose fourth character is a space.
      if (line[3] === ' ' || line.length === 3) waiters.shift()?.(line);
    }
  });
  const reply = () => new Promise<string>((resolve) => waiters.push(resolve));
  const expectCode = async (code: string) => {
    const line = await reply();
    if (!line.startsWith(code)) throw new Error(`SMTP: expected ${code}, got ${line}`);
    return line;
  };
  await expectCode('220');
  socket.write('EHLO e2e.test\r\n');
  await expectCode('250');
  socket.write(`MAIL FROM:<${from}>\r\n`);
  await expectCode('250');
  socket.write(`RCPT TO:<${to}>\r\n`);
  await expectCode('250');
  socket.write('DATA\r\n');
  await expectCode('354');
  const body = raw.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  socket.write(`${body}\r\n.\r\n`);
  const done = await expectCode('250');
  socket.write('QUIT\r\n');
  socket.end();
  return done;
}
