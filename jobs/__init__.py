"""Import and export: bulk imports of projects and returns, and exports of the register and 360Giving data."""
