"""Where: London's boroughs, the places inside them and who owns homes there."""
