import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell';
import { RequireSession } from './components/RequireSession';
import { SessionProvider } from './components/SessionProvider';
import { Spinner } from './components/Spinner';
import { CirclesPage } from './pages/CirclesPage';
import { GatheringPage } from './pages/GatheringPage';
import { GatheringsPage } from './pages/GatheringsPage';
import { ImportPage } from './pages/ImportPage';
import { IntroductionsPage } from './pages/IntroductionsPage';
import { EditMomentPage, LogMomentPage } from './pages/LogMomentPage';
import { MomentsPage } from './pages/MomentsPage';
import { MorePage } from './pages/MorePage';
import { MoversPage } from './pages/MoversPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonEditPage } from './pages/PersonEditPage';
import { PersonPage } from './pages/PersonPage';
import { PlanTablePage } from './pages/PlanTablePage';
import { SeriesPage } from './pages/SeriesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';

/** The map brings sigma and the layout with it: loaded only when someone opens it. */
const MapPage = lazy(() => import('./pages/MapPage').then((m) => ({ default: m.MapPage })));

/** The app's routes: two public pages, everything else behind the session. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route
            element={
              <RequireSession>
                <AppShell />
              </RequireSession>
            }
          >
            <Route index element={<Navigate to="/people" replace />} />
            <Route path="people" element={<PeoplePage />} />
            <Route path="people/new" element={<PersonEditPage />} />
            <Route path="people/:personId" element={<PersonPage />} />
            <Route path="people/:personId/edit" element={<PersonEditPage />} />
            <Route path="moments" element={<MomentsPage />} />
            <Route path="moments/new" element={<LogMomentPage />} />
            <Route path="gatherings" element={<GatheringsPage />} />
            <Route path="gatherings/new" element={<PlanTablePage />} />
            <Route path="gatherings/series" element={<SeriesPage />} />
            <Route path="gatherings/:gatheringId" element={<GatheringPage />} />
            <Route path="moments/:momentId/edit" element={<EditMomentPage />} />
            <Route path="introductions" element={<IntroductionsPage />} />
            <Route path="movers" element={<MoversPage />} />
            <Route path="circles" element={<CirclesPage />} />
            <Route
              path="map"
              element={
                <Suspense
                  fallback={
                    <div className="page-loading">
                      <Spinner label="Loading the map" />
                    </div>
                  }
                >
                  <MapPage />
                </Suspense>
              }
            />
            <Route path="import" element={<ImportPage />} />
            <Route path="more" element={<MorePage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
