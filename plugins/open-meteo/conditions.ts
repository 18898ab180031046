import type { DomainStates } from '../../core/plugin-api.js';

export type WeatherCondition = DomainStates['weather'];

/**
 * WMO weather interpretation codes (the `weather_code` Open-Meteo documents at
 * open-meteo.com/en/docs) as Hearth's conditions, following Home Assistant's
 * open_meteo integration; thunderstorms with hail (96, 99) become `hail`.
 */
const BY_CODE: Readonly<Record<number, WeatherCondition>> = {
  0: 'sunny', 1: 'sunny', 2: 'partlycloudy', 3: 'cloudy',
  45: 'fog', 48: 'fog',
  51: 'rainy', 53: 'rainy', 55: 'rainy', 56: 'rainy', 57: 'rainy',
  61: 'rainy', 63: 'rainy', 65: 'pouring', 66: 'rainy', 67: 'rainy',
  71: 'snowy', 73: 'snowy', 75: 'snowy', 77: 'snowy',
  80: 'rainy', 81: 'pouring', 82: 'pouring', 85: 'snowy', 86: 'snowy',
  95: 'lightning', 96: 'hail', 99: 'hail',
};

/** The condition of a WMO code; a clear sky at night is `clear-night`. Unknown codes are `exceptional`. */
export function conditionOf(code: number, isDay = true): WeatherCondition {
  const condition = BY_CODE[code] ?? 'exceptional';
  return condition === 'sunny' && !isDay ? 'clear-night' : condition;
}
