-- A maintenance company's work orders (role maintenance): its faults of every operator, newest first.
create index fault_by_company on fault (assigned_company, opened_at desc)
    where assigned_company is not null;
