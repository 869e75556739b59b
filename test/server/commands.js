// Server commands for the tests (`executeServerCommand` in the browser): what a page cannot
// see from inside, read in Node or through the DevTools protocol of the test browser.
//
//   source-files     every file under src/, as written: [{path, text}]
//   bundle-modules   builds the script-tag module again in memory with the project's Vite config
//                    and lists its files: [{fileName, length, sameAsDist, imports, dynamicImports,
//                    modules: [{id, length}]}]
//   console-watch    {action: 'start'} starts recording the page's console, exceptions and
//                    browser log (all frames); {action: 'stop'} returns the entries since then:
//                    through the DevTools protocol in Chromium, WebDriver BiDi in Firefox; false
//                    in WebKit, whose WebDriver has no way to read the console
//   emulate-touch    {enabled}: a touch screen for the page and its frames, where the engine's
//                    driver offers one (Chromium: DevTools protocol; Firefox: WebDriver BiDi);
//                    true when done, false where it cannot (WebKit's WebDriver)
//   heap-snapshot    writes a heap snapshot of the page to the temporary directory: {path}
//   chaos-seed       {seed}: the CHAOS_SEED environment variable, to replay a chaos run, or null
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'vite';
import { libraryConfig, SCRIPT_TAG } from '../../scripts/build-config.mjs';

const ROOT = process.cwd();

export function projectCommands() {
  /** @type {Map<string, {cdp: any, since: number, entries: object[]}>} by test session id */
  const watches = new Map();
  /** @type {Map<string, any>} by test session id: the DevTools session holding the touch screen */
  const touches = new Map();

  return {
    name: 'project-commands',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'source-files':
          return sourceFiles('src');
        case 'bundle-modules':
          return bundleModules();
        case 'console-watch':
          if (payload?.action === 'start') return startWatch(watches, session);
          if (payload?.action === 'stop') return stopWatch(watches, session);
          throw new Error('console-watch takes {action: "start" | "stop"}');
        case 'emulate-touch':
          return emulateTouch(touches, session, Boolean(payload?.enabled));
        case 'heap-snapshot':
          return heapSnapshot(session);
        case 'chaos-seed':
          return { seed: process.env.CHAOS_SEED ?? null };
        default:
          return undefined; // not ours: the next plugin may know it
      }
    },
  };
}

async function sourceFiles(dir) {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (file) => {
      const path = join(file.parentPath ?? file.path, file.name);
      return {
        path: relative(ROOT, path).split(sep).join('/'),
        text: await readFile(path, 'utf8'),
      };
    }),
  );
}

/**
 * Builds the script-tag module the way `npm run build` does, without writing, and reads the
 * bundler's own account of each file it makes (the element's, and the code step it loads):
 * which modules went in, how many characters of the output each one makes, and what the file
 * imports, statically and with `import()`. `sameAsDist` says whether the output is, character
 * for character, the file of that name in dist/.
 */
async function bundleModules() {
  const result = await build({
    ...libraryConfig({ ...SCRIPT_TAG, write: false }),
    root: ROOT,
    logLevel: 'silent',
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((each) => each.output);
  const chunks = outputs.filter((output) => output.type === 'chunk');
  return Promise.all(
    chunks.map(async (chunk) => {
      const dist = await readFile(join(ROOT, 'dist', chunk.fileName), 'utf8').catch(() => null);
      return {
        fileName: chunk.fileName,
        length: chunk.code.length,
        sameAsDist: chunk.code === dist,
        imports: chunk.imports,
        dynamicImports: chunk.dynamicImports,
        modules: Object.entries(chunk.modules).map(([id, module]) => ({
          id: id.startsWith(ROOT + sep) ? relative(ROOT, id).split(sep).join('/') : id,
          length: module.renderedLength,
        })),
      };
    }),
  );
}

async function emulateTouch(touches, session, enabled) {
  if (session.browser.type !== 'puppeteer') return false;
  const page = session.browser.getPage(session.id);
  if (session.browser.name === 'Firefox') {
    // emulation.setTouchOverride is newer than some Firefox releases (153 ESR lacks it).
    const context = page.mainFrame().browsingContext;
    return context.userContext.browser.session
      .send('emulation.setTouchOverride', {
        maxTouchPoints: enabled ? 5 : null,
        contexts: [context.id],
      })
      .then(
        () => true,
        (error) => {
          if (/unknown command|unsupported operation/.test(error.message)) return false;
          throw error;
        },
      );
  }
  // The override lasts as long as the DevTools session that set it.
  const cdp = touches.get(session.id) ?? (await page.createCDPSession());
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled, maxTouchPoints: 5 });
  if (enabled) touches.set(session.id, cdp);
  else {
    touches.delete(session.id);
    await cdp.detach().catch(() => {});
  }
  return true;
}

/** For a failed leak check: open it in DevTools' Memory panel to see what holds what. */
async function heapSnapshot(session) {
  const cdp = await session.browser.getPage(session.id).createCDPSession();
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const path = join(tmpdir(), `stcpay-otp-${Date.now()}.heapsnapshot`);
  await writeFile(path, chunks.join(''));
  return { path };
}

async function startWatch(watches, session) {
  await stopWatch(watches, session);
  if (session.browser.type !== 'puppeteer') return false;
  const page = session.browser.getPage(session.id);
  if (session.browser.name === 'Firefox') return startBidiWatch(watches, session, page);
  const cdp = await page.createCDPSession();
  const watch = { cdp, since: Date.now(), entries: [] };
  const add = (entry) => {
    // Enabling a domain replays what came before; keep only what happens from now on.
    if (entry.timestamp >= watch.since) watch.entries.push(entry);
  };
  cdp.on('Runtime.consoleAPICalled', (event) =>
    add({
      source: 'console',
      level: event.type,
      text: event.args.map((arg) => arg.value ?? arg.description ?? arg.type).join(' '),
      timestamp: event.timestamp,
    }),
  );
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails, timestamp }) =>
    add({
      source: 'exception',
      level: 'error',
      text: exceptionDetails.exception?.description ?? exceptionDetails.text,
      timestamp,
    }),
  );
  cdp.on('Log.entryAdded', ({ entry }) =>
    add({
      source: entry.source,
      level: entry.level,
      text: entry.text,
      url: entry.url,
      timestamp: entry.timestamp,
    }),
  );
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  watches.set(session.id, watch);
  return true;
}

/**
 * Firefox has no DevTools protocol: its console, uncaught errors and the browser's own messages
 * (a refused style, say) come as WebDriver BiDi log entries, read from puppeteer's BiDi session.
 */
function startBidiWatch(watches, session, page) {
  const bidi = page.mainFrame().browsingContext.userContext.browser.session;
  const watch = { since: Date.now(), entries: [] };
  const onEntry = (entry) => {
    // An entry can arrive after the test that caused it has ended: keep only what is new.
    if (entry.timestamp < watch.since) return;
    watch.entries.push({
      source: entry.type === 'console' ? 'console' : 'javascript',
      level: entry.level === 'warn' ? 'warning' : entry.level,
      text: entry.text ?? '',
    });
  };
  bidi.on('log.entryAdded', onEntry);
  watch.detach = () => bidi.off('log.entryAdded', onEntry);
  watches.set(session.id, watch);
  return true;
}

async function stopWatch(watches, session) {
  if (session.browser.type !== 'puppeteer') return false;
  const watch = watches.get(session.id);
  if (!watch) return [];
  watches.delete(session.id);
  if (watch.detach) {
    watch.detach();
    return watch.entries;
  }
  await watch.cdp.detach().catch(() => {});
  return watch.entries.map(({ timestamp: _timestamp, ...entry }) => entry);
}
