"""What and where: funding programmes, projects and their consortia, posts, monitoring returns and youth voice."""
