// What `npm install stcpay-otp` brings into an app, measured as a user gets it: packs the
// package, installs the tarball into an empty project with --omit=dev, then with each optional
// peer a framework or a server adds, and prints the packages and their size on disk.
// `npm run install-size` (builds first). Needs the registry for the dependencies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Bytes under `dir`. */
function size(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? size(path) : statSync(path).size;
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'stcpay-otp-install-'));
try {
  const [{ filename }] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], process.cwd()),
  );
  const tarball = join(work, filename);
  const cases = [
    ['the element alone', []],
    ['stcpay-otp/react', ['@lit/react', 'react', 'react-dom']],
    ['stcpay-otp/server', ['rate-limiter-flexible']],
  ];
  for (const [name, extra] of cases) {
    const app = join(work, name.replace(/\W+/g, '-'));
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
    npm(['install', '--omit=dev', '--no-audit', '--no-fund', tarball, ...extra], app);
    const packages = npm(['ls', '--all', '--omit=dev', '--parseable'], app)
      .trim()
      .split('\n')
      .slice(1)
      .map((path) => path.split('/node_modules/').pop());
    const unique = [...new Set(packages)].sort();
    const kb = (size(join(app, 'node_modules')) / 1024).toFixed(0);
    console.log(`${name}: ${unique.length} packages, ${kb} KiB on disk\n  ${unique.join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
