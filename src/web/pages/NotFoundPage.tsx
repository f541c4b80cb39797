import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="page empty">
      <h1>Nothing here</h1>
      <p>This page does not exist.</p>
      <Link to="/people" className="button">
        Go to People
      </Link>
    </div>
  );
}
