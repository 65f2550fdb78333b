// react-dom ships `react-dom/server.browser` (the Web Streams renderer); @types/react-dom types it as `react-dom/server`.
declare module 'react-dom/server.browser' {
  export { renderToReadableStream } from 'react-dom/server'
}
