/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files and pg has optional native bits: load them from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Sandbox APIs keep their real paths, trailing slash included (WeFact's single endpoint is
  // `/v2/`): Next's default 308 to the slash-less path would break every call to them over HTTP.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
};

export default nextConfig;
