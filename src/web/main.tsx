import { createRoot, type Root } from 'react-dom/client';
import { api, ApiError, SIGNED_OUT_EVENT } from './api-client.js';
import { App } from './app.js';
import './styles.css';

/** Shown instead of the app when the server has no session for this browser (HTTP 401). */
function SignedOut() {
  return (
    <main id="main" className="signed-out">
      <h1>协商</h1>
      <p role="alert" className="banner banner-bad">
        <strong>请打开 xieshang serve 打印的链接。</strong>
        为保护你的数据，只有从启动协商的终端窗口里打印的链接（形如
        http://127.0.0.1:4170/?token=…）打开，才能查看和修改数据。每个链接只能用一次；用过后终端会打印新链接，数据目录里的
        serve-token.json 也存着当前链接。手机等其他设备请打开 /pair 页面，输入终端显示的配对码。
      </p>
      <p lang="en">
        <strong>Open the link printed by xieshang serve.</strong> To protect your data, only the
        link printed in the terminal where Xieshang was started (like
        http://127.0.0.1:4170/?token=…) opens it. Each link works once; the terminal then prints a
        new one, and serve-token.json in the data directory holds the current one. Phones and other
        devices: open /pair and enter the pairing code shown in the terminal.
      </p>
    </main>
  );
}

/**
 * Opened from the printed URL: trade its one-time token for the HttpOnly session cookie, then
 * take the token out of the address bar (and history). The app renders at once (no extra round
 * trip before the first screen); a 401 — from the session check here or any later request —
 * swaps it for how to sign in.
 */
async function boot(root: Root): Promise<void> {
  const here = new URL(location.href);
  const token = here.searchParams.get('token');
  if (token !== null) {
    await api.tradeToken(token).catch(() => undefined);
    here.searchParams.delete('token');
    history.replaceState(history.state, '', here.pathname + here.search + here.hash);
  }
  window.addEventListener(SIGNED_OUT_EVENT, () => root.render(<SignedOut />));
  root.render(<App />);
  // a server that is down shows its own message on each page; only 401 means "not signed in"
  await api.session().catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 401) root.render(<SignedOut />);
  });
}

const el = document.getElementById('root');
if (el) void boot(createRoot(el));
