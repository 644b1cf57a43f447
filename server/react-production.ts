// React, React DOM and React Router choose their development or production build by NODE_ENV when first
// required. A server that answers like production (every NODE_ENV but an explicit "development", see
// app/config.server.ts) must render with the production builds: the development ones took several times as long
// per page under the load measure. This module is imported first by server/index.ts, so it requires them before
// anything else does, with NODE_ENV set to "production" for just that moment; the app still reads its own NODE_ENV.
import { createRequire } from "node:module";

const RENDERING_PACKAGES = ["react", "react/jsx-runtime", "react-dom", "react-dom/server", "react-router", "react-router-dom"];

if (process.env.NODE_ENV !== "development") {
  const require = createRequire(import.meta.url);
  const original = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    for (const name of RENDERING_PACKAGES) require(name);
  } finally {
    if (original === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
    else process.env.NODE_ENV = original;
  }
}
