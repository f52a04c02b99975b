select c.id, c.name, sum(case when o.id is null then 0 else 1 end)
from customers c left outer join orders o on c.id = o.customer_id
group by c.id
