// Which process holds the server's end of a TCP connection, read from Linux's /proc: lets a test see which of
// several web processes answered, without the app telling (docs/decisions/033).
import fs from "node:fs";

/**
 * The inode of the server-side socket of the connection from `clientPort` to `serverPort`. A server listening on
 * every address takes IPv4 connections on its IPv6 socket, so they are listed in tcp6.
 */
function serverSocketInode(serverPort: number, clientPort: number): string | undefined {
  const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort(serverPort)}`) && fields[2]?.endsWith(`:${hexPort(clientPort)}`)) return fields[9];
    }
  }
  return undefined;
}

/** Which of `pids` holds the server's end of the connection from local port `clientPort` to `serverPort`. */
export function processOfConnection(pids: number[], serverPort: number, clientPort: number): number | undefined {
  const inode = serverSocketInode(serverPort, clientPort);
  if (!inode) return undefined;
  const target = `socket:[${inode}]`;
  return pids.find((pid) => {
    try {
      return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target);
    } catch {
      return false;
    }
  });
}
