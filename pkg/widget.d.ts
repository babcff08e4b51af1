// Types of the widget module (`kalkulator-jamsostek/widget.js`). Importing the module defines the custom
// element <kalkulator-jamsostek>; it has no JS properties of its own: it is configured by attributes and
// tells the host page what happened through the events below (figures as strings, no personal data).

/** The three journeys: village head, regency admin, citizen. */
export type KalkulatorTab = 'desa' | 'kabupaten' | 'warga';

/** Attributes of <kalkulator-jamsostek> (all optional strings). */
export interface KalkulatorJamsostekAttributes {
  /** Name shown in the header, e.g. "Kabupaten Wakatobi". */
  regency?: string;
  /** Starting tab. */
  tab?: KalkulatorTab;
  /** "id" (default) or "en". */
  lang?: 'id' | 'en';
  /** Default funding source. */
  funder?: 'apbd' | 'apbn' | 'dana_desa' | 'apbdes' | 'self_paid';
  /** The configuration as inline JSON. */
  config?: string;
  /** A same-origin URL of the configuration JSON. */
  'config-src'?: string;
}

/** `kalkulator-result`: a result is on screen (after typing settles). */
export interface KalkulatorResultDetail {
  tab: KalkulatorTab;
  /** Whole rupiah, digits only ("20160000"): the total the screen shows (citizen tab: per month). */
  total: string;
  /** Months of the period (1 on the citizen tab). */
  months: number;
  /** People counted (1 on the citizen tab). */
  people: number;
}

/** `kalkulator-export`: the user printed the RAB, downloaded a CSV or copied/shared a link. */
export interface KalkulatorExportDetail {
  tab: KalkulatorTab;
  kind: 'print' | 'csv' | 'link';
}

/** `kalkulator-config-refused`: part or all of the configuration was refused (the widget goes on). */
export interface KalkulatorConfigRefusedDetail {
  /** Plain-language reason in the widget's language. */
  message: string;
}

export interface KalkulatorJamsostekEventMap extends HTMLElementEventMap {
  'kalkulator-result': CustomEvent<KalkulatorResultDetail>;
  'kalkulator-export': CustomEvent<KalkulatorExportDetail>;
  'kalkulator-config-refused': CustomEvent<KalkulatorConfigRefusedDetail>;
}

/** The element. */
export interface KalkulatorJamsostekElement extends HTMLElement {
  addEventListener<K extends keyof KalkulatorJamsostekEventMap>(
    type: K,
    listener: (this: KalkulatorJamsostekElement, ev: KalkulatorJamsostekEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KalkulatorJamsostekEventMap>(
    type: K,
    listener: (this: KalkulatorJamsostekElement, ev: KalkulatorJamsostekEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kalkulator-jamsostek': KalkulatorJamsostekElement;
  }
}
