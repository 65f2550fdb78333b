// A fake YouTube IFrame API, served in place of https://www.youtube.com/iframe_api
// by tests/e2e/fake-youtube.ts. Plain JavaScript: it runs in the page as sent.
// `__ERROR_CODE__` is replaced with an IFrame API error code to report, or null.
;(function fakeYoutubeIframeApi(errorCode) {
  const clock = { time: 0, state: -1, calls: [], players: [] }

  function FakePlayer(el, opts) {
    const node = typeof el === 'string' ? document.getElementById(el) : el
    const iframe = document.createElement('iframe')
    iframe.srcdoc =
      '<body style="margin:0;height:100vh;display:grid;place-items:center;background:#101418;color:#e8e9ee;font:16px system-ui">Fake YouTube player (test)</body>'
    if (node && node.id) iframe.id = node.id
    if (node && node.className) iframe.className = node.className
    if (node) node.replaceWith(iframe)
    this.iframe = iframe
    this.events = (opts && opts.events) || {}
    this.destroyed = false
    clock.time = (opts && opts.playerVars && opts.playerVars.start) || 0
    clock.state = 5
    clock.players.push(this)
    setTimeout(() => {
      if (this.destroyed) return
      if (this.events.onReady) this.events.onReady({ target: this })
      if (errorCode !== null && this.events.onError) this.events.onError({ target: this, data: errorCode })
    }, 10)
  }
  FakePlayer.prototype.setState = function (state) {
    clock.state = state
    if (this.events.onStateChange) this.events.onStateChange({ target: this, data: state })
  }
  FakePlayer.prototype.playVideo = function () {
    clock.calls.push('play')
    this.setState(1)
  }
  FakePlayer.prototype.pauseVideo = function () {
    clock.calls.push('pause')
    this.setState(2)
  }
  FakePlayer.prototype.stopVideo = function () {
    this.setState(5)
  }
  FakePlayer.prototype.seekTo = function (seconds) {
    clock.calls.push('seekTo:' + seconds)
    clock.time = seconds
  }
  FakePlayer.prototype.getCurrentTime = function () {
    return clock.time
  }
  FakePlayer.prototype.getPlayerState = function () {
    return clock.state
  }
  FakePlayer.prototype.getDuration = function () {
    return 5400
  }
  FakePlayer.prototype.getIframe = function () {
    return this.iframe
  }
  FakePlayer.prototype.cueVideoById = function (o) {
    clock.time = (o && o.startSeconds) || 0
    this.setState(5)
  }
  FakePlayer.prototype.loadVideoById = function (o) {
    clock.time = (o && o.startSeconds) || 0
    this.setState(1)
  }
  FakePlayer.prototype.mute = function () {}
  FakePlayer.prototype.unMute = function () {}
  FakePlayer.prototype.isMuted = function () {
    return false
  }
  FakePlayer.prototype.setVolume = function () {}
  FakePlayer.prototype.getVolume = function () {
    return 100
  }
  FakePlayer.prototype.addEventListener = function () {}
  FakePlayer.prototype.removeEventListener = function () {}
  FakePlayer.prototype.destroy = function () {
    this.destroyed = true
    this.iframe.remove()
  }

  function current() {
    return clock.players[clock.players.length - 1]
  }
  window.YT = {
    Player: FakePlayer,
    PlayerState: { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 },
    loaded: 1,
  }
  window.__fakeYT = {
    setTime: function (t) {
      clock.time = t
    },
    time: function () {
      return clock.time
    },
    state: function () {
      return clock.state
    },
    calls: function () {
      return clock.calls.slice()
    },
    play: function () {
      const p = current()
      if (p) p.playVideo()
    },
    pause: function () {
      const p = current()
      if (p) p.pauseVideo()
    },
    players: function () {
      return clock.players.filter(function (p) {
        return !p.destroyed
      }).length
    },
  }
  if (typeof window.onYouTubeIframeAPIReady === 'function') window.onYouTubeIframeAPIReady()
})(__ERROR_CODE__)
