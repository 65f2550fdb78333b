import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})

// jsdom has no layout: scrolling an element is a no-op here (geometry is tested in Chromium).
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {}
