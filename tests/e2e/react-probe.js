// Counts React commits and transcript-line renders in a production build, through the hook
// React offers to its DevTools (`__REACT_DEVTOOLS_GLOBAL_HOOK__`). Installed before the app loads
// by tests/e2e/react-probe.ts. Read with `window.__reactProbe`.
;(function installReactProbe() {
  const PERFORMED_WORK = 1
  const probe = { commits: 0, lineRenders: 0, perCommit: [], previous: new Map() }

  /** A transcript line's fiber: the memo component whose props carry the line, its href and onSeek. */
  function lineIndexOf(fiber) {
    const p = fiber.memoizedProps
    if (!p || typeof p !== 'object' || !p.line || typeof p.href !== 'string' || typeof p.onSeek !== 'function')
      return -1
    return typeof p.line.index === 'number' ? p.line.index : -1
  }

  function onCommit(root) {
    probe.commits++
    const seen = new Map()
    let rendered = 0
    const stack = [root.current]
    while (stack.length) {
      const fiber = stack.pop()
      const index = lineIndexOf(fiber)
      if (index >= 0 && !seen.has(index)) {
        seen.set(index, fiber)
        // A fiber object kept from the last commit was not visited; a new one rendered only if it did work.
        if (fiber !== probe.previous.get(index) && (fiber.flags & PERFORMED_WORK) === PERFORMED_WORK) rendered++
      }
      if (fiber.sibling) stack.push(fiber.sibling)
      if (fiber.child) stack.push(fiber.child)
    }
    probe.previous = seen
    probe.lineRenders += rendered
    probe.perCommit.push(rendered)
  }

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    inject: function () {
      return 1
    },
    onScheduleFiberRoot: function () {},
    onCommitFiberRoot: function (_id, root) {
      onCommit(root)
    },
    onCommitFiberUnmount: function () {},
    onPostCommitFiberRoot: function () {},
    checkDCE: function () {},
  }
  window.__reactProbe = {
    reset: function () {
      probe.commits = 0
      probe.lineRenders = 0
      probe.perCommit = []
    },
    read: function () {
      return { commits: probe.commits, lineRenders: probe.lineRenders, perCommit: probe.perCommit.slice() }
    },
  }
})()
