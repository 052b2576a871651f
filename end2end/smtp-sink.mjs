// A real SMTP server for the tests: accepts every message on 127.0.0.1:<port> and writes it, parsed,
// as one JSON file per message into <dir> ({ from, to, subject, text, replyTo, messageId, inReplyTo, date }). The Rust
// integration tests and the Playwright specs read that folder.
//   node smtp-sink.mjs --port 2525 --dir /tmp/mail
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import fs from 'node:fs';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '2525'));
const dir = arg('dir', './mail');
fs.mkdirSync(dir, { recursive: true });
let seq = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        seq += 1;
        const record = {
          from: mail.from?.text ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          replyTo: mail.replyTo?.value?.[0]?.address ?? null,
          messageId: mail.messageId ?? null,
          inReplyTo: mail.inReplyTo ?? null,
          date: new Date().toISOString(),
        };
        const file = path.join(dir, `${Date.now()}-${process.pid}-${seq}.json`);
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
        fs.renameSync(`${file}.tmp`, file); // readers never see half a file
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, '127.0.0.1', () => console.log(`smtp-sink listening on 127.0.0.1:${port}, writing to ${dir}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
