"""The only package that speaks SQL: tables, repositories, migrations, engine set-up."""
