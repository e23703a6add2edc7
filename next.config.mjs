/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files and pg has optional native bits: load them from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
