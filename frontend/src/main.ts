import './app/hearth-app.js';
