// The cards of the domains fewer homes have, in one chunk the dashboard fetches the first time it shows one.
import './alarm-card.js';
import './button-card.js';
import './climate-card.js';
import './fan-card.js';
import './lock-card.js';
import './number-card.js';
import './schedule-card.js';
import './select-card.js';
import './weather-card.js';
