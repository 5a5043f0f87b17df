// Fails the build with a clear message when the machine's Node.js is older than Vite needs.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22 || (major === 21);
if (!ok || major === 21) {
  console.error(`The back office is built with Node.js ^20.19 or >= 22.12; this machine has ${process.versions.node}.`
    + ' Install a newer Node.js (the system package manager or nodejs.org) and build again.');
  process.exit(1);
}
