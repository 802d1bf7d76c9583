import { html } from 'hono/html';

/** A small bilingual page for hosts that must not get the app: unknown, suspended or not ready. */
export function statusPage(opts: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; platformUrl: string }) {
  return html`<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${opts.titleZh} · ${opts.titleEn} — 互助 Huzhu</title>
    <style>
      body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; background: #f5f2ea; color: #1f2a24; }
      main { max-width: 36rem; margin: 12vh auto; padding: 2rem 1.5rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
      h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; font-weight: 500; color: #56635b; margin: 0 0 1.5rem; }
      p { line-height: 1.7; } a { color: #1f6f4a; font-weight: 600; } a:focus { outline: 3px solid #e0a526; }
    </style>
  </head>
  <body>
    <main>
      <h1>${opts.titleZh}</h1>
      <h2 lang="en">${opts.titleEn}</h2>
      <p>${opts.bodyZh}</p>
      <p lang="en">${opts.bodyEn}</p>
      <p><a href="${opts.platformUrl}">前往互助平台 · Go to the Huzhu platform</a></p>
    </main>
  </body>
</html>`;
}
