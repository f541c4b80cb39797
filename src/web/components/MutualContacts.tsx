import { Link } from 'react-router';
import type { MutualContacts as Mutual } from '../lib/reasons';
import { plural } from '../lib/text';
import { Avatar } from './Avatar';

const FACES = 4;

/**
 * The contacts two people share: a few faces and the count. The sentence above already names
 * them; when the API gives their ids, the faces lead to their pages.
 */
export function MutualContacts({ mutual, label }: { mutual: Mutual; label: string }) {
  const faces = mutual.names.slice(0, FACES);
  return (
    <p className="mutual">
      <span className="mutual-faces">
        {faces.map((name, index) => {
          const id = mutual.ids[index];
          return id ? (
            <Link key={id} to={`/people/${id}`} className="mutual-face" title={name}>
              <Avatar name={name} size="sm" />
              <span className="visually-hidden">{name}</span>
            </Link>
          ) : (
            <span key={name} className="mutual-face" title={name}>
              <Avatar name={name} size="sm" />
            </span>
          );
        })}
      </span>
      <span className="mutual-count">{plural(mutual.total, label, `${label}s`)}</span>
    </p>
  );
}
