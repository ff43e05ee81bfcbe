export interface SiteControlsProps {
  /** The site of the active tab ("example.org"), or undefined on pages Backstory cannot run on. */
  site: string | undefined;
  siteEnabled: boolean;
  paused: boolean;
  onSiteEnabledChange(enabled: boolean): void;
  onPausedChange(paused: boolean): void;
}

/** Backstory on or off for this site, and a pause for everywhere: two switches. */
export function SiteControls({ site, siteEnabled, paused, onSiteEnabledChange, onPausedChange }: SiteControlsProps) {
  return (
    <div class="controls">
      {site && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={siteEnabled}
            disabled={paused}
            onChange={(e) => onSiteEnabledChange(e.currentTarget.checked)}
          />
          <span class="switch__label">
            On <span class="switch__site">{site}</span>
          </span>
        </label>
      )}
      <label class="switch">
        <input type="checkbox" role="switch" checked={paused} onChange={(e) => onPausedChange(e.currentTarget.checked)} />
        <span class="switch__label">Pause everywhere</span>
      </label>
    </div>
  );
}
