// A real SMTP server on loopback for the browser specs: speaks enough of RFC 5321 for lettre (EHLO,
// MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps every message, with helpers to read headers and the text part.
// Node's `net` only: no new dependency.
import { createServer } from 'node:net';

export async function startSmtpSink() {
  const messages = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end + 2).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push({ ...envelope, data });
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') reply('250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8');
        else if (verb === 'HELO' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'MAIL') { envelope = { from: line.slice(10).trim(), to: [] }; reply('250 2.1.0 OK'); }
        else if (verb === 'RCPT') { envelope.to.push(line.slice(8).trim()); reply('250 2.1.5 OK'); }
        else if (verb === 'DATA') { inData = true; reply('354 end with .'); }
        else if (verb === 'RSET') { envelope = { from: '', to: [] }; reply('250 OK'); }
        else if (verb === 'QUIT') { reply('221 bye'); socket.end(); return; }
        else reply('502 5.5.2 not implemented');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    messages,
    /** `voix serve`'s options for sending through this sink, from the campaign's letters address. */
    serveArgs: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port), '--smtp-tls', 'none',
      '--smtp-from', 'lettres@action.example.org'],
    /** Waits until `count` messages arrived (or throws after `ms`). */
    async waitFor(count, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`${messages.length} of ${count} emails arrived`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A header of a message, unfolded and with RFC 2047 words decoded. */
export function header(data, name) {
  const head = data.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return undefined;
  // Only the space between two encoded words is dropped (RFC 2047, 6.2): "=?…?= text" keeps its space.
  const value = line.slice(name.length + 1).trim().replace(/(\?=)\s+(?==\?)/g, '$1');
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, text) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')));
}

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded text/plain part of a multipart message. */
export function textPart(data) {
  const parts = data.split(/\r\n--[^\r\n]+\r\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p.split('\r\n\r\n')[0]));
  if (!part) return '';
  const [head, ...rest] = part.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n').replace(/\r\n--[^\r\n]*--\r\n?$/, '');
  const encoding = (head.match(/content-transfer-encoding:\s*(\S+)/i) ?? [])[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}
