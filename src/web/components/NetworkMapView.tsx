// biome-ignore-all lint/suspicious/noThenProperty: sigma's style rules are written { when, then }.
/**
 * The network map: sigma.js draws the graph with WebGL, ForceAtlas2 arranges it in a web worker
 * (so the page stays responsive while it settles), circles are coloured, a person's size is
 * their reach. Search or a circle in the legend highlights part of the map and dims the rest;
 * clicking someone opens their page.
 *
 * This file (and sigma with it) is only loaded with the map page.
 */
import Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import Sigma from 'sigma';
import { pathLine } from 'sigma/rendering';
import type { NetworkMap } from '../api/client';
import { circleColour, OTHER_CIRCLE_COLOUR } from '../lib/palette';
import { plural } from '../lib/text';
import { Icon } from './Icon';
import { MapSearch, type MapSearchOption } from './MapSearch';

interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  /** The size on a wide screen; `size` is this scaled to the map's width. */
  baseSize: number;
  color: string;
  circle: number;
  isSelf: boolean;
}

interface EdgeAttributes {
  size: number;
  color: string;
  /** How strongly the layout pulls the two together. */
  weight: number;
}

type MapGraph = Graph<NodeAttributes, EdgeAttributes>;

interface MapModel {
  readonly graph: MapGraph;
  /**
   * The host's ties are not drawn (the host knows nearly everyone on the map: their lines would
   * hide everything else) but searching for the host highlights the people they know.
   */
  readonly selfTies: ReadonlyMap<string, readonly string[]>;
}

const INK = '#1d2521';
const EDGE = '#e4dfd5';
const EDGE_ACTIVE = '#7d8782';
const DIMMED = '#e9e5dd';
const LABEL_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

/** A small seeded random source: the same data starts from the same picture. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * The graph to draw. Each circle starts as a loose disc of its own on a spiral, so the layout
 * begins near its answer and settles in seconds, not minutes.
 */
const buildModel = (data: NetworkMap): MapModel => {
  const graph: MapGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const n = data.nodes.length;
  const minSize = n < 500 ? 3.5 : n < 2000 ? 2.5 : 1.6;
  const span = n < 500 ? 13 : n < 2000 ? 11 : 9;
  const random = mulberry32(7);

  const circleSizes = new Map<number, number>();
  for (const node of data.nodes)
    circleSizes.set(node.circle, (circleSizes.get(node.circle) ?? 0) + 1);
  const centres = new Map<number, { x: number; y: number; r: number }>();
  let placed = 0;
  [...circleSizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .forEach(([circle, size], index) => {
      const distance = Math.sqrt(placed + size / 2) * 1.6;
      const angle = index * GOLDEN_ANGLE;
      centres.set(circle, {
        x: Math.cos(angle) * distance,
        y: Math.sin(angle) * distance,
        r: Math.sqrt(size) * 0.8,
      });
      placed += size;
    });

  for (const node of data.nodes) {
    const centre = centres.get(node.circle) ?? { x: 0, y: 0, r: 1 };
    const angle = random() * Math.PI * 2;
    const radius = Math.sqrt(random()) * centre.r;
    const reach = Math.min(1, Math.max(0, node.size));
    const size = node.isSelf ? minSize + span * 0.6 : minSize + span * Math.sqrt(reach);
    graph.addNode(node.id, {
      label: node.label,
      x: node.isSelf ? 0 : centre.x + Math.cos(angle) * radius,
      y: node.isSelf ? 0 : centre.y + Math.sin(angle) * radius,
      size,
      baseSize: size,
      color: node.isSelf ? INK : circleColour(node.circle),
      circle: node.circle,
      isSelf: node.isSelf,
    });
  }

  let maxWeight = 0;
  for (const edge of data.edges) maxWeight = Math.max(maxWeight, edge[2]);
  const scale = maxWeight > 0 ? 1 / maxWeight : 1;
  const selfTies = new Map<string, string[]>();
  for (const [s, t, w] of data.edges) {
    const a = data.nodes[s];
    const b = data.nodes[t];
    if (!a || !b || a.id === b.id) continue;
    if (a.isSelf || b.isSelf) {
      const [self, other] = a.isSelf ? [a, b] : [b, a];
      const known = selfTies.get(self.id) ?? [];
      known.push(other.id);
      selfTies.set(self.id, known);
      continue;
    }
    if (graph.hasEdge(a.id, b.id)) continue;
    const weight = Math.max(0.05, w * scale);
    // Keys by position: cheaper than generated ones at tens of thousands of ties.
    graph.addEdgeWithKey(String(graph.size), a.id, b.id, {
      size: 0.4 + weight * 0.8,
      color: EDGE,
      weight,
    });
  }
  return { graph, selfTies };
};

/**
 * Up to this many people, hovering someone highlights their ties, and ties and names stay drawn
 * while the map is dragged or zoomed. Above it they are hidden until the map stops: in software
 * WebGL (a browser without a GPU) that took a drag at 5,000 people from 3.1 to 11 frames a
 * second (`npm run bench -- map`).
 */
const FULL_DETAIL_MAX = 2000;

/** How long the layout runs before it stops by itself: longer for larger maps. */
const layoutMillis = (order: number): number => Math.min(9000, 2000 + order * 1.4);

const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

type Focus =
  | { readonly kind: 'person'; readonly id: string }
  | { readonly kind: 'circle'; readonly circle: number }
  | null;

const createRenderer = (graph: MapGraph, container: HTMLElement) =>
  new Sigma(graph, container, {
    customNodeState: { isActive: false, isFocus: false },
    customEdgeState: { isActive: false },
    customGraphState: { hasActiveSubgraph: false },
    primitives: {
      depthLayers: ['edges', 'nodes', 'activeEdges', 'activeNodes', 'topNodes'],
      edges: { paths: [pathLine()] },
    },
    settings: {
      itemSizesReference: 'screen',
      zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 9,
      // Thin, low-contrast lines: their hard edges do not show, and the GPU does far less work.
      antialiasEdges: false,
      hideEdgesOnMove: graph.order > FULL_DETAIL_MAX,
      hideLabelsOnMove: graph.order > FULL_DETAIL_MAX,
      minCameraRatio: 0.05,
      maxCameraRatio: 2,
      stagePadding: 36,
    },
    styles: {
      nodes: [
        {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          size: { attribute: 'size' },
          color: { attribute: 'color' },
          label: { attribute: 'label' },
          labelColor: INK,
          labelSize: 13,
          labelFont: LABEL_FONT,
          depth: 'nodes',
          cursor: 'pointer',
        },
        {
          when: (_attributes, state, graphState) => graphState.hasActiveSubgraph && !state.isActive,
          then: { color: DIMMED, label: '' },
        },
        { whenState: 'isActive', then: { depth: 'activeNodes' } },
        {
          whenState: 'isFocus',
          then: {
            depth: 'topNodes',
            labelVisibility: 'visible',
            backdropVisibility: 'visible',
            backdropColor: '#ffffff',
            backdropShadowColor: 'rgba(29, 37, 33, 0.25)',
            backdropShadowBlur: 10,
            backdropPadding: 5,
          },
        },
        {
          whenState: 'isHovered',
          then: {
            depth: 'topNodes',
            labelVisibility: 'visible',
            backdropVisibility: 'visible',
            backdropColor: '#ffffff',
            backdropShadowColor: 'rgba(29, 37, 33, 0.25)',
            backdropShadowBlur: 10,
            backdropPadding: 5,
          },
        },
      ],
      edges: [
        {
          size: { attribute: 'size' },
          color: { attribute: 'color' },
          depth: 'edges',
        },
        {
          whenState: 'isActive',
          then: { color: EDGE_ACTIVE, depth: 'activeEdges' },
        },
      ],
    },
  });

type Renderer = ReturnType<typeof createRenderer>;

export function NetworkMapView({ data }: { data: NetworkMap }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const { graph, selfTies } = useMemo(() => buildModel(data), [data]);
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [layout, setLayout] = useState<FA2Layout | null>(null);
  const [arranging, setArranging] = useState(false);
  const [focus, setFocus] = useState<Focus>(null);
  const hoverRef = useRef<(node: string | null) => void>(() => undefined);

  // Sigma and the layout live as long as the graph does.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Dots are sized for a wide screen: on a phone the same map is drawn smaller.
    const scale = Math.max(0.55, Math.min(1, container.clientWidth / 900));
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      size: attributes.baseSize * scale,
    }));
    let sigma: Renderer;
    try {
      sigma = createRenderer(graph, container);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    sigma.on('clickNode', ({ node }) => navigateRef.current(`/people/${node}`));
    // Hovering shows someone's ties on maps small enough for it to stay smooth; on a large map
    // hovering names the person, and search or a click does the rest.
    if (graph.order <= FULL_DETAIL_MAX) {
      sigma.on('enterNode', ({ node }) => hoverRef.current(node));
      sigma.on('leaveNode', () => hoverRef.current(null));
    }
    setRenderer(sigma);

    const fa2 = new FA2Layout(graph, {
      settings: {
        ...inferSettings(graph),
        strongGravityMode: false,
        linLogMode: true,
        gravity: 1,
        scalingRatio: 6,
        outboundAttractionDistribution: false,
        adjustSizes: false,
      },
      getEdgeWeight: 'weight',
    });
    setLayout(fa2);
    const reduced = prefersReducedMotion();
    // With reduced motion the map still settles, but hidden until it has.
    if (reduced) container.style.visibility = 'hidden';
    fa2.start();
    setArranging(true);
    const timer = window.setTimeout(() => {
      fa2.stop();
      setArranging(false);
      container.style.visibility = '';
    }, layoutMillis(graph.order));
    return () => {
      window.clearTimeout(timer);
      fa2.kill();
      sigma.kill();
      setRenderer(null);
      setLayout(null);
    };
  }, [graph]);

  // What is highlighted: a person and their ties, or one circle; a hovered person on top.
  const activeRef = useRef<{ nodes: string[]; edges: string[]; focus: string[] }>({
    nodes: [],
    edges: [],
    focus: [],
  });
  useEffect(() => {
    if (!renderer) return;
    const apply = (target: Focus, hovered: string | null) => {
      const previous = activeRef.current;
      renderer.setNodesState(previous.nodes, { isActive: false });
      renderer.setNodesState(previous.focus, { isFocus: false });
      renderer.setEdgesState(previous.edges, { isActive: false });
      const nodes: string[] = [];
      const edges: string[] = [];
      const focused: string[] = [];
      const person = hovered ?? (target?.kind === 'person' ? target.id : null);
      if (person && graph.hasNode(person)) {
        focused.push(person);
        nodes.push(person, ...graph.neighbors(person), ...(selfTies.get(person) ?? []));
        edges.push(...graph.edges(person));
      } else if (target?.kind === 'circle') {
        graph.forEachNode((node, attributes) => {
          if (attributes.circle === target.circle) nodes.push(node);
        });
        graph.forEachEdge((edge, _attributes, _source, _target, sa, ta) => {
          if (sa.circle === target.circle && ta.circle === target.circle) edges.push(edge);
        });
      }
      renderer.setNodesState(nodes, { isActive: true });
      renderer.setNodesState(focused, { isFocus: true });
      renderer.setEdgesState(edges, { isActive: true });
      renderer.setGraphState({ hasActiveSubgraph: nodes.length > 0 });
      activeRef.current = { nodes, edges, focus: focused };
    };
    apply(focus, null);
    hoverRef.current = (node) => apply(focus, node);
  }, [renderer, graph, selfTies, focus]);

  // Searching someone brings them to the middle of the map; a circle, or nothing, shows it all.
  useEffect(() => {
    if (!renderer) return;
    const duration = prefersReducedMotion() ? 0 : 600;
    const camera = renderer.getCamera();
    if (focus?.kind !== 'person') {
      void camera.reset({ duration });
      return;
    }
    const display = renderer.getNodeDisplayData(focus.id);
    if (display) void camera.animate({ x: display.x, y: display.y, ratio: 0.55 }, { duration });
  }, [renderer, focus]);

  const circleNames = useMemo(() => new Map(data.circles.map((c) => [c.id, c.name])), [data]);
  const options = useMemo<MapSearchOption[]>(
    () =>
      [...data.nodes]
        .sort((a, b) => b.size - a.size)
        .map((node) => ({
          id: node.id,
          label: node.label,
          detail: node.isSelf ? 'You' : (circleNames.get(node.circle) ?? ''),
        })),
    [data, circleNames],
  );

  const tiesOf = (node: string) => graph.degree(node) + (selfTies.get(node)?.length ?? 0);
  const focusedPerson = focus?.kind === 'person' && graph.hasNode(focus.id) ? focus.id : null;
  const focusedAttributes = focusedPerson ? graph.getNodeAttributes(focusedPerson) : null;
  const coloured = data.circles.filter((c) => circleColour(c.id) !== OTHER_CIRCLE_COLOUR);
  const others = data.circles.filter((c) => circleColour(c.id) === OTHER_CIRCLE_COLOUR);

  const toggleLayout = () => {
    if (!layout) return;
    if (layout.isRunning()) {
      layout.stop();
      setArranging(false);
    } else {
      layout.start();
      setArranging(true);
      window.setTimeout(() => {
        layout.stop();
        setArranging(false);
      }, 4000);
    }
  };

  return (
    <div className="map">
      <div className="map-toolbar">
        <MapSearch
          options={options}
          selected={focus?.kind === 'person' ? focus.id : null}
          onPick={(id) => setFocus({ kind: 'person', id })}
          onClear={() => setFocus(null)}
        />
        <div className="map-layout-status">
          {arranging ? (
            <span className="map-arranging" role="status">
              <span className="spinner-dot" aria-hidden="true" /> Arranging the map…
            </span>
          ) : null}
          <button type="button" className="button button-small" onClick={toggleLayout}>
            {arranging ? 'Pause' : 'Rearrange'}
          </button>
        </div>
      </div>

      <div className="map-body">
        <div className="map-stage">
          {failure ? (
            <div className="notice notice-error map-failure" role="alert">
              <strong className="notice-title">
                The map needs WebGL, which this browser could not start.
              </strong>
              <span>
                The same network is in words under <Link to="/movers">Movers and shakers</Link> and{' '}
                <Link to="/circles">Circles</Link>. ({failure})
              </span>
            </div>
          ) : null}
          <div
            ref={containerRef}
            className="map-canvas"
            role="img"
            aria-label={`Map of your network: ${plural(data.nodes.length, 'person', 'people')} in ${plural(data.circles.length, 'circle', 'circles')}, coloured by circle, larger for greater reach.`}
            data-testid="network-map"
          />
          {focusedPerson && focusedAttributes ? (
            <div className="map-card" role="status">
              <div className="map-card-text">
                <strong>{focusedAttributes.label}</strong>
                <span className="muted">
                  {focusedAttributes.isSelf
                    ? 'You'
                    : (circleNames.get(focusedAttributes.circle) ?? 'No circle')}{' '}
                  · {plural(tiesOf(focusedPerson), 'tie', 'ties')} on the map
                </span>
              </div>
              <div className="map-card-actions">
                <Link
                  to={`/people/${focusedPerson}`}
                  className="button button-small button-primary"
                >
                  Open their page
                </Link>
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Clear the highlight"
                  onClick={() => setFocus(null)}
                >
                  <Icon name="close" size={16} />
                </button>
              </div>
            </div>
          ) : null}
        </div>

        <section className="map-legend" aria-labelledby="legend-title">
          <h2 id="legend-title">Circles</h2>
          <p className="muted map-legend-hint">Choose a circle to see it alone.</p>
          <ul className="legend" aria-label="Circles on the map">
            {coloured.map((circle) => {
              const on = focus?.kind === 'circle' && focus.circle === circle.id;
              return (
                <li key={circle.id}>
                  <button
                    type="button"
                    className={on ? 'legend-item legend-item-on' : 'legend-item'}
                    aria-pressed={on}
                    onClick={() => setFocus(on ? null : { kind: 'circle', circle: circle.id })}
                  >
                    <span
                      className="legend-swatch"
                      style={{ background: circleColour(circle.id) }}
                      aria-hidden="true"
                    />
                    <span className="legend-name">{circle.name}</span>
                    <span className="legend-size">{circle.size.toLocaleString()}</span>
                  </button>
                </li>
              );
            })}
            {others.length > 0 ? (
              <li>
                <span className="legend-item legend-item-static">
                  <span
                    className="legend-swatch"
                    style={{ background: OTHER_CIRCLE_COLOUR }}
                    aria-hidden="true"
                  />
                  <span className="legend-name">
                    {plural(others.length, 'smaller circle', 'smaller circles')}
                  </span>
                  <span className="legend-size">
                    {others.reduce((sum, c) => sum + c.size, 0).toLocaleString()}
                  </span>
                </span>
              </li>
            ) : null}
          </ul>
          <p className="map-legend-hint muted">
            Larger dots reach further. <Link to="/circles">Rename circles</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
