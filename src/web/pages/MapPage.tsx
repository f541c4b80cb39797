import { Link } from 'react-router';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { NetworkMapView } from '../components/NetworkMapView';
import { Spinner } from '../components/Spinner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useFetch } from '../hooks/useFetch';
import { useSession } from '../hooks/useSession';
import { plural } from '../lib/text';

/** At most this many people are drawn: the best connected, when the network is larger. */
export const MAP_LIMIT = 5000;

/**
 * The network map page. Loaded on demand (React.lazy): sigma and the layout weigh nothing on
 * the first page a host opens.
 */
export function MapPage() {
  useDocumentTitle('Network map');
  const { workspace } = useSession();
  const map = useFetch(
    (signal) => api.network.map(workspace.id, MAP_LIMIT, signal),
    [workspace.id],
  );
  const data = map.data;
  const shown = data?.nodes.length ?? 0;
  const aggregated = data !== undefined && data.total.people > shown;

  return (
    <div className="page page-map">
      <header className="page-header page-header-wrap">
        <div>
          <h1>Network map</h1>
          {data ? (
            <p className="page-subtitle">
              {aggregated
                ? `Showing the ${shown.toLocaleString()} best-connected of ${plural(data.total.people, 'person', 'people')}`
                : `Showing ${plural(shown, 'person', 'people')}`}{' '}
              · {plural(data.edges.length, 'tie', 'ties')} ·{' '}
              {plural(data.circles.length, 'circle', 'circles')}
            </p>
          ) : null}
        </div>
        <p className="map-alternative">
          In words: <Link to="/movers">Movers and shakers</Link> ·{' '}
          <Link to="/circles">Circles</Link>
        </p>
      </header>
      {map.error ? (
        <ErrorNotice error={map.error} title="The map could not be loaded." />
      ) : !data ? (
        <div className="page-loading">
          <Spinner label="Loading the map" />
        </div>
      ) : data.nodes.length === 0 ? (
        <div className="empty">
          <p>Your map is empty: add people, or load a demo network, and they appear here.</p>
          <Link to="/people" className="button">
            Go to your people
          </Link>
        </div>
      ) : (
        <NetworkMapView data={data} />
      )}
    </div>
  );
}
