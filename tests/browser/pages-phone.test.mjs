// Every page at phone width; see pages.mjs.
import { pageSuite } from './pages.mjs';

pageSuite('phone');
