// The `prepare` step: points git at the hooks in .husky/ (core.hooksPath), as `npm ci` and `npm install` should.
// npm runs `prepare` also when `npx mpdesk …` links this project into npx's cache (npm_command=exec); a command run
// that way, `npx mpdesk list` say, must not change the repository's git config, so then it does nothing.
if (process.env.npm_command !== 'exec') {
  // husky is a dev dependency: an install without them (`--omit=dev`) has no hook, and that is no failure.
  const husky = await import('husky').then((module) => module.default, () => undefined);
  // Without git or a .git folder (a tarball, some CI images) husky says why, and there is simply no hook.
  const said = husky?.();
  if (said) console.log(`mpdesk: 没有安装 pre-commit 钩子（husky：${said}）。`);
}
