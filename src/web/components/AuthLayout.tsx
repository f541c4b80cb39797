import type { ReactNode } from 'react';

/** The quiet frame of the sign-in and sign-up pages. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth">
      <div className="auth-intro">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Salon</span>
        </div>
        <p className="auth-tagline">
          Your network, your table. Remember who you met and where, and host the small gatherings
          where the real introductions happen.
        </p>
      </div>
      <main className="auth-card" id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
