import helmet from 'helmet'

/**
 * Helmet's defaults minus a Content-Security-Policy (the admin's Next.js pages use inline
 * scripts) and with cross-origin resource loading allowed so frontends can embed our images.
 */
export const securityHeaders = (production: boolean) =>
  helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    frameguard: { action: 'sameorigin' },
    hsts: production ? { maxAge: 15_552_000, includeSubDomains: true } : false,
  })
