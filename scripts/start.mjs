#!/usr/bin/env node
// `npm start`: build the web app, migrate local D1, serve on wrangler dev, seed the demo communities.
import { startLocalServer } from './local-server.mjs';

const port = Number(process.env.PORT ?? 8787);
const server = await startLocalServer({ port });
console.log(`
  互助 Huzhu is running.
    Platform:             http://localhost:${port}/
    Demo communities:     http://cuizhuyuan.localhost:${port}/   http://pingzhi.localhost:${port}/
    Sign in (dev):        http://localhost:${port}/sign-in   (pick a demo persona)
    API document:         http://localhost:${port}/api/openapi.json
  Press Ctrl+C to stop.
`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.stop();
    process.exit(0);
  });
}
server.child.on('exit', (code) => process.exit(code ?? 0));
