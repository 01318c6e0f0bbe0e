// Preloaded with `node --import` (through NODE_OPTIONS, so child processes load it too): refuses every
// connection that leaves this machine, and says so on stderr, so a test can prove a command works offline.
import net from "node:net";

const marker = "kronika-test: network access refused";
const loopback = (host) => host === undefined || host === "localhost" || /^127\./.test(host) || host === "::1";
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    typeof first === "object" && first !== null ? first : { port: first, host: typeof args[1] === "string" ? args[1] : undefined };
  if (options.path === undefined && !loopback(options.host)) {
    const message = `${marker}: ${options.host}:${options.port}`;
    process.stderr.write(`${message}\n`);
    throw new Error(message);
  }
  return connect.apply(this, args);
};
