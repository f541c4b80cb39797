import { useEffect } from 'react';

/** Names the browser tab after the page: "Dana Okafor · Salon". */
export const useDocumentTitle = (title: string | undefined): void => {
  useEffect(() => {
    document.title = title ? `${title} · Salon` : 'Salon';
  }, [title]);
};
