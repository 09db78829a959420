/** bootstrap-italia sprite icon, decorative (the accessible name comes from the surrounding text). */
import sprites from 'bootstrap-italia/dist/svg/sprites.svg?url';

interface IconProps {
  name: string;
  className?: string;
  size?: 'xs' | 'sm' | 'lg' | 'xl';
  color?: 'primary' | 'white' | 'secondary' | 'danger' | 'success' | 'warning';
}

export function Icon({ name, className, size, color }: IconProps) {
  const classes = ['icon', size && `icon-${size}`, color && `icon-${color}`, className].filter(Boolean).join(' ');
  return (
    <svg className={classes} aria-hidden="true" focusable="false">
      <use href={`${sprites}#it-${name}`} />
    </svg>
  );
}
